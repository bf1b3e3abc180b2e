from .contacts import ContactsExportFilter as ContactsExportFilter
