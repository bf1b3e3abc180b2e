from .csv import CsvExportErrorDetails as CsvExportErrorDetails
