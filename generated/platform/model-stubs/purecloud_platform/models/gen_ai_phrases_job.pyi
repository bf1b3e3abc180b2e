from .gen import GenAIPhrasesJob as GenAIPhrasesJob
