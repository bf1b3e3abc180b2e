from .assistant import AssistantQueue as AssistantQueue
