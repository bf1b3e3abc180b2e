from .policy import PolicyEntityListing as PolicyEntityListing
