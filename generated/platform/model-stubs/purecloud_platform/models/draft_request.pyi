from .draft import DraftRequest as DraftRequest
