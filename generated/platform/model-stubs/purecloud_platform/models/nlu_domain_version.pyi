from .nlu import NluDomainVersion as NluDomainVersion
