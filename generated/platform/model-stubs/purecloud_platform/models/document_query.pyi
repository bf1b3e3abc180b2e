from .document import DocumentQuery as DocumentQuery
