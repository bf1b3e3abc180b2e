from .knowledge import KnowledgeParseRecord as KnowledgeParseRecord
