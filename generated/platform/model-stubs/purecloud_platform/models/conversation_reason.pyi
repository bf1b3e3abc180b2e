from .conversation import ConversationReason as ConversationReason
