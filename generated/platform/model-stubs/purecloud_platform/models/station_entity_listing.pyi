from .station import StationEntityListing as StationEntityListing
