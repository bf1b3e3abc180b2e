from .assistant import AssistantQueueUser as AssistantQueueUser
