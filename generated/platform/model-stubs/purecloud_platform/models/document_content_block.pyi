from .document import DocumentContentBlock as DocumentContentBlock
