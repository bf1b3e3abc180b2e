from .topic import TopicRequest as TopicRequest
