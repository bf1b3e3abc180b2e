from .csv import CsvUploadRequest as CsvUploadRequest
