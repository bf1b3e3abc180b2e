from .conversation import ConversationUser as ConversationUser
