from .query import QueryResult as QueryResult
