from .local import LocalDateRange as LocalDateRange
