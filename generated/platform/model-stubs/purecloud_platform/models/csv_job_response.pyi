from .csv import CsvJobResponse as CsvJobResponse
