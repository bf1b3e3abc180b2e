from .topic import TopicOffset as TopicOffset
