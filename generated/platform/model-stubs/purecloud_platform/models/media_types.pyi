from .media import MediaTypes as MediaTypes
