from .shift import ShiftTradeSettings as ShiftTradeSettings
