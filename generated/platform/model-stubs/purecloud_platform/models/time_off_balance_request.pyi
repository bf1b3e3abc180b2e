from .time import TimeOffBalanceRequest as TimeOffBalanceRequest
