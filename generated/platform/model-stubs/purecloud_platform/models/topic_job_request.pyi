from .topic import TopicJobRequest as TopicJobRequest
