from .schedule import ScheduleSetError as ScheduleSetError
