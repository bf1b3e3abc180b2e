from .bu import BuScheduleListItem as BuScheduleListItem
