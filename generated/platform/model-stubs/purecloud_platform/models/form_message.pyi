from .form import FormMessage as FormMessage
