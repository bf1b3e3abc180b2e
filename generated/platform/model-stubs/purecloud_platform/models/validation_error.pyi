from .validation import ValidationError as ValidationError
