from .media import MediaSettings as MediaSettings
