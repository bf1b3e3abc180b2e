from .async_ import AsyncQueryResponse as AsyncQueryResponse
