from .error import ErrorBody as ErrorBody
