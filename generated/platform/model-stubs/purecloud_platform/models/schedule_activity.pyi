from .schedule import ScheduleActivity as ScheduleActivity
