from .patch import PatchCallbackResponse as PatchCallbackResponse
