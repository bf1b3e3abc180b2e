from .topic import TopicDuration as TopicDuration
