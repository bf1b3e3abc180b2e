from .user import UserScheduleContainer as UserScheduleContainer
