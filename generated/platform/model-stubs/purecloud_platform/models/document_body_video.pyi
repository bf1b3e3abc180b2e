from .document import DocumentBodyVideo as DocumentBodyVideo
