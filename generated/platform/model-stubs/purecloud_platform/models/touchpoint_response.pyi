from .touchpoint import TouchpointResponse as TouchpointResponse
