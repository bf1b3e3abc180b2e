from .metadata import MetadataResults as MetadataResults
