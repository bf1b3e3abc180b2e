from .knowledge import KnowledgeSource as KnowledgeSource
