from .nlu import NluDomain as NluDomain
