from .data import DataTable as DataTable
