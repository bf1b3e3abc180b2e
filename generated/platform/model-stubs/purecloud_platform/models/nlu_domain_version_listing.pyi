from .nlu import NluDomainVersionListing as NluDomainVersionListing
