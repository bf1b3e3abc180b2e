from .replace import ReplaceResponse as ReplaceResponse
