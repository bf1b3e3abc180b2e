from .csv import CsvMappingEntry as CsvMappingEntry
