from .media import MediaStatistics as MediaStatistics
