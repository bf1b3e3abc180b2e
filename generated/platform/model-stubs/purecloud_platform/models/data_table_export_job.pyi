from .data import DataTableExportJob as DataTableExportJob
