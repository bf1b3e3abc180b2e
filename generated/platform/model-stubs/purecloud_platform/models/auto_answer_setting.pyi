from .auto import AutoAnswerSetting as AutoAnswerSetting
