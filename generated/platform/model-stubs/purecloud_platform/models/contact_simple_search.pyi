from .contact import ContactSimpleSearch as ContactSimpleSearch
