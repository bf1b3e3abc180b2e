from .failure import FailureReason as FailureReason
