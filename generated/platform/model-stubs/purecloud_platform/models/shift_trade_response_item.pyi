from .shift import ShiftTradeResponseItem as ShiftTradeResponseItem
