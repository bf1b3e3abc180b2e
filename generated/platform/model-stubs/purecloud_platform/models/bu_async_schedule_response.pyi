from .bu import BuAsyncScheduleResponse as BuAsyncScheduleResponse
