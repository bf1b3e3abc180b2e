from .document import DocumentReference as DocumentReference
