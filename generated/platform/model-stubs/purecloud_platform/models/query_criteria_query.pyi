from .query import QueryCriteriaQuery as QueryCriteriaQuery
