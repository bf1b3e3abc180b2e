from .week import WeekScheduleReference as WeekScheduleReference
