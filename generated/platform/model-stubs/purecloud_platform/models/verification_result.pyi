from .verification import VerificationResult as VerificationResult
