from .contact import ContactSearchRequest as ContactSearchRequest
