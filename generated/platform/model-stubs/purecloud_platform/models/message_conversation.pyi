from .message import MessageConversation as MessageConversation
