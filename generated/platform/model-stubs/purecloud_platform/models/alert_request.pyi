from .alert import AlertRequest as AlertRequest
