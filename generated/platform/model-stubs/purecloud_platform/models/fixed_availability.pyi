from .fixed import FixedAvailability as FixedAvailability
