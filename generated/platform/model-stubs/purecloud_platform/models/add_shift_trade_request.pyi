from .add import AddShiftTradeRequest as AddShiftTradeRequest
