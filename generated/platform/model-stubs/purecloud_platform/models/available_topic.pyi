from .available import AvailableTopic as AvailableTopic
