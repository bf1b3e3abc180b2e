from .nlu import NluInfo as NluInfo
