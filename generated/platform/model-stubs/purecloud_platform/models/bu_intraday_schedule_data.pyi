from .bu import BuIntradayScheduleData as BuIntradayScheduleData
