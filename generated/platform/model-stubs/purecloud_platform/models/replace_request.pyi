from .replace import ReplaceRequest as ReplaceRequest
