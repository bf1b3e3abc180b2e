from .document import DocumentBodyImage as DocumentBodyImage
