from .bu import BuScheduleRunListing as BuScheduleRunListing
