from .gen import GenAIPhrasesJobs as GenAIPhrasesJobs
