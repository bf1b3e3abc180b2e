from .async_ import AsyncUserDetailsQuery as AsyncUserDetailsQuery
