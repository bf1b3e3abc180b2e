from .add import AddShiftTradeJobRequest as AddShiftTradeJobRequest
