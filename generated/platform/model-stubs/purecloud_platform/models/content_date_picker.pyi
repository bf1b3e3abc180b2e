from .content import ContentDatePicker as ContentDatePicker
