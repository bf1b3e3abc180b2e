from .time import TimeOffSettingsRequest as TimeOffSettingsRequest
