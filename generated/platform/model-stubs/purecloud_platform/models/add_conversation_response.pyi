from .add import AddConversationResponse as AddConversationResponse
