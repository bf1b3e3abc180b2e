from .contact import ContactImportSettings as ContactImportSettings
