from .metadata import MetadataProperty as MetadataProperty
