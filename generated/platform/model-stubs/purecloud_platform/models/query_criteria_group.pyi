from .query import QueryCriteriaGroup as QueryCriteriaGroup
