from .metadata import MetadataPresentation as MetadataPresentation
