from .api import ApiUsageClientQuery as ApiUsageClientQuery
