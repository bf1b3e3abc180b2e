from .media import MediaIceStatistics as MediaIceStatistics
