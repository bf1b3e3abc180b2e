from .document import DocumentThumbnail as DocumentThumbnail
