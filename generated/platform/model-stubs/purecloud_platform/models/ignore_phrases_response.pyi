from .ignore import IgnorePhrasesResponse as IgnorePhrasesResponse
