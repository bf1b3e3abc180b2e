from .user import UserScheduleActivity as UserScheduleActivity
