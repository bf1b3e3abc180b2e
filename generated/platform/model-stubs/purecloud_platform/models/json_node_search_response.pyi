from .json import JsonNodeSearchResponse as JsonNodeSearchResponse
