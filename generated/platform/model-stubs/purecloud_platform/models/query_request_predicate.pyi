from .query import QueryRequestPredicate as QueryRequestPredicate
