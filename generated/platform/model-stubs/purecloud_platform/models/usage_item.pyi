from .usage import UsageItem as UsageItem
