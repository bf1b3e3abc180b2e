from .csv import CsvJobRequest as CsvJobRequest
