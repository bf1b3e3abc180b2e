from .required import RequiredDateRange as RequiredDateRange
