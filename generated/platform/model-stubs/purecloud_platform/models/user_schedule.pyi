from .user import UserSchedule as UserSchedule
