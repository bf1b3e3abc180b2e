from .time import TimeSlot as TimeSlot
