from .meta import MetaData as MetaData
