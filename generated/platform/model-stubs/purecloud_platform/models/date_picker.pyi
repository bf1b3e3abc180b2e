from .date import DatePicker as DatePicker
