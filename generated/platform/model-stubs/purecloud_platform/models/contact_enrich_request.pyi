from .contact import ContactEnrichRequest as ContactEnrichRequest
