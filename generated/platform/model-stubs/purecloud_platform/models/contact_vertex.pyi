from .contact import ContactVertex as ContactVertex
