from .paging import PagingSpec as PagingSpec
