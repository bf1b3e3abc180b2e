from .location import LocationAddress as LocationAddress
