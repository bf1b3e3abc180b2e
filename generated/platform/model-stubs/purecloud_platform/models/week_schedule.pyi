from .week import WeekSchedule as WeekSchedule
