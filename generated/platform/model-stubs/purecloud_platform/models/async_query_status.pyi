from .async_ import AsyncQueryStatus as AsyncQueryStatus
