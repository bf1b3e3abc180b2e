from .gen import GenAIPhrasesJobRequest as GenAIPhrasesJobRequest
