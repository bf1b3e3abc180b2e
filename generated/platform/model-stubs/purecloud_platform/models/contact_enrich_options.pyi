from .contact import ContactEnrichOptions as ContactEnrichOptions
