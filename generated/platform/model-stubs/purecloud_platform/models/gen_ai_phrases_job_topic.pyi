from .gen import GenAIPhrasesJobTopic as GenAIPhrasesJobTopic
