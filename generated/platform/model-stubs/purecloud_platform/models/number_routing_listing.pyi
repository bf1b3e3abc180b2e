from .number import NumberRoutingListing as NumberRoutingListing
