from .document import DocumentUpload as DocumentUpload
