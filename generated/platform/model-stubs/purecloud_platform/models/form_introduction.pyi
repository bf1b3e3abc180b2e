from .form import FormIntroduction as FormIntroduction
