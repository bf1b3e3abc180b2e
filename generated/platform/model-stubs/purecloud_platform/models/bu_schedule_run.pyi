from .bu import BuScheduleRun as BuScheduleRun
