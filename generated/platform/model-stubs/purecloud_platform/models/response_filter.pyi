from .response import ResponseFilter as ResponseFilter
