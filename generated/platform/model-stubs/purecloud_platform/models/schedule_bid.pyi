from .schedule import ScheduleBid as ScheduleBid
