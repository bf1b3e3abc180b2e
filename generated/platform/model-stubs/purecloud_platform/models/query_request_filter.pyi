from .query import QueryRequestFilter as QueryRequestFilter
