from .document import DocumentAttribute as DocumentAttribute
