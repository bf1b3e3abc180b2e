from .contact import ContactAddress as ContactAddress
