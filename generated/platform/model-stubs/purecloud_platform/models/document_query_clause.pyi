from .document import DocumentQueryClause as DocumentQueryClause
