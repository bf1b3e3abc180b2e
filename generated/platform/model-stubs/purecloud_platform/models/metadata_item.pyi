from .metadata import MetadataItem as MetadataItem
