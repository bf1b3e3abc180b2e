from .media import MediaType as MediaType
