from .api import ApiUsageRow as ApiUsageRow
