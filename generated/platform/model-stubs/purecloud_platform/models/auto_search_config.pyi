from .auto import AutoSearchConfig as AutoSearchConfig
