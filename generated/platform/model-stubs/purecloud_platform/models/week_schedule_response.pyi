from .week import WeekScheduleResponse as WeekScheduleResponse
