from .shift import ShiftTradeNotification as ShiftTradeNotification
