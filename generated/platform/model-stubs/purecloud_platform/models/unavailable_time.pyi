from .unavailable import UnavailableTime as UnavailableTime
