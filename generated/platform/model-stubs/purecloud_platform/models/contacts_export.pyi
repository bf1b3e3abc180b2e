from .contacts import ContactsExport as ContactsExport
