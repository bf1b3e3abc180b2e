from .patch import PatchShiftTradeRequest as PatchShiftTradeRequest
