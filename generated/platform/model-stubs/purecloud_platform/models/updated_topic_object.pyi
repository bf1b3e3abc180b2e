from .updated import UpdatedTopicObject as UpdatedTopicObject
