from .conversation import ConversationQuery as ConversationQuery
