from .availability import AvailabilityRange as AvailabilityRange
