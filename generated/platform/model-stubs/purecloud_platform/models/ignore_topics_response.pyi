from .ignore import IgnoreTopicsResponse as IgnoreTopicsResponse
