from .form import FormListPicker as FormListPicker
