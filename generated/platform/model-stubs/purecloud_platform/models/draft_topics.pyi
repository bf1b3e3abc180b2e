from .draft import DraftTopics as DraftTopics
