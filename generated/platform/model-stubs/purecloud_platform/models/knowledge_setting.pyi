from .knowledge import KnowledgeSetting as KnowledgeSetting
