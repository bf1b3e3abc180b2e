from .ignore import IgnoreTopicsRequest as IgnoreTopicsRequest
