from .form import FormListPickerSection as FormListPickerSection
