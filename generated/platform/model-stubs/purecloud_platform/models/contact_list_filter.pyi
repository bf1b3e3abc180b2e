from .contact import ContactListFilter as ContactListFilter
