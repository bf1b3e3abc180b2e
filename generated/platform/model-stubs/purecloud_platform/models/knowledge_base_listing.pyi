from .knowledge import KnowledgeBaseListing as KnowledgeBaseListing
