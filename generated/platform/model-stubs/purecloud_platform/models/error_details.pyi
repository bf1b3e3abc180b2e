from .error import ErrorDetails as ErrorDetails
