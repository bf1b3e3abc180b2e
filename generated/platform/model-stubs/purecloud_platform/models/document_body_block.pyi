from .document import DocumentBodyBlock as DocumentBodyBlock
