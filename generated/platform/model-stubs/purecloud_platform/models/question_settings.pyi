from .question import QuestionSettings as QuestionSettings
