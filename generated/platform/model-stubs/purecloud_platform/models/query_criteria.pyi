from .query import QueryCriteria as QueryCriteria
