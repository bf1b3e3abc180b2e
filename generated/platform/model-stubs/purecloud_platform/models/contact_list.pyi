from .contact import ContactList as ContactList
