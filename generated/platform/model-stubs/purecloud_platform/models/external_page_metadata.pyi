from .external import ExternalPageMetadata as ExternalPageMetadata
