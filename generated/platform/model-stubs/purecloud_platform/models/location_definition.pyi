from .location import LocationDefinition as LocationDefinition
