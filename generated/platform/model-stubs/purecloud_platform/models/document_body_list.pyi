from .document import DocumentBodyList as DocumentBodyList
