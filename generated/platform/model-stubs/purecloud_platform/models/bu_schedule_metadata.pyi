from .bu import BuScheduleMetadata as BuScheduleMetadata
