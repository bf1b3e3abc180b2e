from .draft import DraftTopicRequest as DraftTopicRequest
