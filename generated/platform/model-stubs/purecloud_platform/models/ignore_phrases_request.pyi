from .ignore import IgnorePhrasesRequest as IgnorePhrasesRequest
