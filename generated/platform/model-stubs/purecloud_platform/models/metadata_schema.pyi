from .metadata import MetadataSchema as MetadataSchema
