from .batch import BatchDownloadRequest as BatchDownloadRequest
