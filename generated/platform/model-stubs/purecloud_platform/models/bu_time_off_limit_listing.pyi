from .bu import BuTimeOffLimitListing as BuTimeOffLimitListing
