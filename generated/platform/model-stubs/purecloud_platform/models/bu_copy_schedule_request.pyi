from .bu import BuCopyScheduleRequest as BuCopyScheduleRequest
