from .available import AvailableMediaType as AvailableMediaType
