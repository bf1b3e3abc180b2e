from .media import MediaStatisticsListing as MediaStatisticsListing
