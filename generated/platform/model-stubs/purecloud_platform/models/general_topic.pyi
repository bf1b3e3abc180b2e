from .general import GeneralTopic as GeneralTopic
