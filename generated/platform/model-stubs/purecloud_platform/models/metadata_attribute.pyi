from .metadata import MetadataAttribute as MetadataAttribute
