from .media import MediaSummary as MediaSummary
