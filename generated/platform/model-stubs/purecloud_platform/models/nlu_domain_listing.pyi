from .nlu import NluDomainListing as NluDomainListing
