from .reprocess import ReprocessJobResponse as ReprocessJobResponse
