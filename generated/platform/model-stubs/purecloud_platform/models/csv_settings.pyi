from .csv import CsvSettings as CsvSettings
