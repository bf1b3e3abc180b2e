from .nlu import NluConfig as NluConfig
