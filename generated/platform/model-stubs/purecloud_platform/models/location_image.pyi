from .location import LocationImage as LocationImage
