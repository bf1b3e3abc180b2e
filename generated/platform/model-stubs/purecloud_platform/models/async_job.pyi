from .async_ import AsyncJob as AsyncJob
