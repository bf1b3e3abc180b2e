from .media import MediaTypeAccess as MediaTypeAccess
