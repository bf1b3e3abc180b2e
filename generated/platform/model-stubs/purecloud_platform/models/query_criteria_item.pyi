from .query import QueryCriteriaItem as QueryCriteriaItem
