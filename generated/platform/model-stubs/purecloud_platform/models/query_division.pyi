from .query import QueryDivision as QueryDivision
