from .contact import ContactSort as ContactSort
