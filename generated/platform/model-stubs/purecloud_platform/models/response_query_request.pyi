from .response import ResponseQueryRequest as ResponseQueryRequest
