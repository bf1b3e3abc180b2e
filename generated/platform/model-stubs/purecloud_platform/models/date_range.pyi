from .date import DateRange as DateRange
