from .user import UserScheduleAdherence as UserScheduleAdherence
