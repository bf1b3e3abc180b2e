from .media import MediaResult as MediaResult
