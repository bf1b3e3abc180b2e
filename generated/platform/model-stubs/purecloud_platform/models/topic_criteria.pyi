from .topic import TopicCriteria as TopicCriteria
