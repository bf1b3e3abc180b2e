from .contact import ContactImportField as ContactImportField
