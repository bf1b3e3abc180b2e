from .form import FormPage as FormPage
