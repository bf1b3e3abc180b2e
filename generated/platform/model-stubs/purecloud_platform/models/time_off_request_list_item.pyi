from .time import TimeOffRequestListItem as TimeOffRequestListItem
