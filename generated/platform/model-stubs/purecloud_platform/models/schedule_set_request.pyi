from .schedule import ScheduleSetRequest as ScheduleSetRequest
