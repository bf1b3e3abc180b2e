from .time import TimeOffBalanceResponse as TimeOffBalanceResponse
