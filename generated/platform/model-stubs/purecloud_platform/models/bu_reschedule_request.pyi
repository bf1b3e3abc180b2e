from .bu import BuRescheduleRequest as BuRescheduleRequest
