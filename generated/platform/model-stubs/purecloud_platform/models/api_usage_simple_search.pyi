from .api import ApiUsageSimpleSearch as ApiUsageSimpleSearch
