from .knowledge import KnowledgeBase as KnowledgeBase
