from .error import ErrorInfo as ErrorInfo
