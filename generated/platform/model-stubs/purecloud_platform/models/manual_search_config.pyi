from .manual import ManualSearchConfig as ManualSearchConfig
