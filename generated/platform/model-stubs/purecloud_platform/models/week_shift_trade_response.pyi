from .week import WeekShiftTradeResponse as WeekShiftTradeResponse
