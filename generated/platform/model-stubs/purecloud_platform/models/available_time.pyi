from .available import AvailableTime as AvailableTime
