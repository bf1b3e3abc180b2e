from .media import MediaRegions as MediaRegions
