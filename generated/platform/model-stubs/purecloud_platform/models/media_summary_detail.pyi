from .media import MediaSummaryDetail as MediaSummaryDetail
