from .data import DataTableImportJob as DataTableImportJob
