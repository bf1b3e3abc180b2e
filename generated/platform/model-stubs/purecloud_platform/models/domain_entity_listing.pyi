from .domain import DomainEntityListing as DomainEntityListing
