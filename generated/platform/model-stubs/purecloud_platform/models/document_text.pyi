from .document import DocumentText as DocumentText
