from .quick import QuickReply as QuickReply
