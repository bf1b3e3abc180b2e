from .document import DocumentBody as DocumentBody
