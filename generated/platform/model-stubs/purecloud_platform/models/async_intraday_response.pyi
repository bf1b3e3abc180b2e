from .async_ import AsyncIntradayResponse as AsyncIntradayResponse
