from .validation import ValidationLimits as ValidationLimits
