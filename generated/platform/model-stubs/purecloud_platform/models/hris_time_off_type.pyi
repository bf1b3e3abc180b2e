from .hris import HrisTimeOffType as HrisTimeOffType
