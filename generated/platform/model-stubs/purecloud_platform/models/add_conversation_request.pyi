from .add import AddConversationRequest as AddConversationRequest
