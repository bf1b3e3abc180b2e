from .query import QueryResults as QueryResults
