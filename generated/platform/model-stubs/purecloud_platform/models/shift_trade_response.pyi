from .shift import ShiftTradeResponse as ShiftTradeResponse
