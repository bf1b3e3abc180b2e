from .document import DocumentBodyTable as DocumentBodyTable
