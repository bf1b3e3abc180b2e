from .call import CallConversation as CallConversation
