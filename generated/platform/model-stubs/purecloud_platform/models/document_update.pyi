from .document import DocumentUpdate as DocumentUpdate
