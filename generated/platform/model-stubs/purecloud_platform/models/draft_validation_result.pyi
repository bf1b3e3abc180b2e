from .draft import DraftValidationResult as DraftValidationResult
