from .shift import ShiftTradeListResponse as ShiftTradeListResponse
