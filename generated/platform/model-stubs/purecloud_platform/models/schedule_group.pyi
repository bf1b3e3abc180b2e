from .schedule import ScheduleGroup as ScheduleGroup
