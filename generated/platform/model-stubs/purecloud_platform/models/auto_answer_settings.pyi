from .auto import AutoAnswerSettings as AutoAnswerSettings
