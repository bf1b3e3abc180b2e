from .query import QueryResponseData as QueryResponseData
