from .csv import CsvUploadResponse as CsvUploadResponse
