from .answer import AnswerOption as AnswerOption
