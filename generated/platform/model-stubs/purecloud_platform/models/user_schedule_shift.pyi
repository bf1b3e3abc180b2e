from .user import UserScheduleShift as UserScheduleShift
