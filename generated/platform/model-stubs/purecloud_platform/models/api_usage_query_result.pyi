from .api import ApiUsageQueryResult as ApiUsageQueryResult
