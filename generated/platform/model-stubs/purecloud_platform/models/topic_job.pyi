from .topic import TopicJob as TopicJob
