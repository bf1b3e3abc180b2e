from .contact import ContactListTemplate as ContactListTemplate
