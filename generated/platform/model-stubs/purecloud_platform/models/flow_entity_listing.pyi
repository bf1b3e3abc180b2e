from .flow import FlowEntityListing as FlowEntityListing
