from .query import QueryProcessingConfig as QueryProcessingConfig
