from .knowledge import KnowledgeSettings as KnowledgeSettings
