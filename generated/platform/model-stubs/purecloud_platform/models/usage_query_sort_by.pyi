from .usage import UsageQuerySortBy as UsageQuerySortBy
