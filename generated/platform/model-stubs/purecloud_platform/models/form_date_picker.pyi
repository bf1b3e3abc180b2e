from .form import FormDatePicker as FormDatePicker
