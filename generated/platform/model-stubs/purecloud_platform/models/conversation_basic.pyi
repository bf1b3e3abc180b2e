from .conversation import ConversationBasic as ConversationBasic
