from .dictionary import DictionaryFeedback as DictionaryFeedback
