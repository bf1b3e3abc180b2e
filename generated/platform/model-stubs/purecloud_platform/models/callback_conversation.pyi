from .callback import CallbackConversation as CallbackConversation
