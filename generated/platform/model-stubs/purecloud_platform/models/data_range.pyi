from .data import DataRange as DataRange
