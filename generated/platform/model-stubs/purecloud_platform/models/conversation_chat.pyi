from .conversation import ConversationChat as ConversationChat
