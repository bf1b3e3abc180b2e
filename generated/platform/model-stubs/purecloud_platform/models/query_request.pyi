from .query import QueryRequest as QueryRequest
