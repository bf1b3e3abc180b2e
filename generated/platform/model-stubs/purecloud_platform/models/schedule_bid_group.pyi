from .schedule import ScheduleBidGroup as ScheduleBidGroup
