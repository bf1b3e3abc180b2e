from .bu import BuRescheduleResult as BuRescheduleResult
