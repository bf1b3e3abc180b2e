from .json import JsonSearchResponse as JsonSearchResponse
