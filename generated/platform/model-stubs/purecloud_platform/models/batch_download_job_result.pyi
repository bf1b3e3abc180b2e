from .batch import BatchDownloadJobResult as BatchDownloadJobResult
