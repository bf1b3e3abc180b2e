from .form import FormListPickerItem as FormListPickerItem
