from .update import UpdateUnavailableTime as UpdateUnavailableTime
