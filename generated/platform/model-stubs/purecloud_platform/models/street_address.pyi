from .street import StreetAddress as StreetAddress
