from .limits import LimitsEntityListing as LimitsEntityListing
