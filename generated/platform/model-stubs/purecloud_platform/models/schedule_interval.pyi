from .schedule import ScheduleInterval as ScheduleInterval
