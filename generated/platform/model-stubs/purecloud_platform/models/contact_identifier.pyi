from .contact import ContactIdentifier as ContactIdentifier
