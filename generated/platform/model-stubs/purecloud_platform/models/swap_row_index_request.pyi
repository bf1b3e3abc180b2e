from .swap import SwapRowIndexRequest as SwapRowIndexRequest
