from .form import FormPageComponent as FormPageComponent
