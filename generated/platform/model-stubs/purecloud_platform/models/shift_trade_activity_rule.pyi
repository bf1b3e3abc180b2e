from .shift import ShiftTradeActivityRule as ShiftTradeActivityRule
