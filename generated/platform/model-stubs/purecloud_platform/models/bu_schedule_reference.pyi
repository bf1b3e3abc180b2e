from .bu import BuScheduleReference as BuScheduleReference
