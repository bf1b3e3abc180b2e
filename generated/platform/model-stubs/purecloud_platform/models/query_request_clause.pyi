from .query import QueryRequestClause as QueryRequestClause
