from .validation import ValidationResult as ValidationResult
