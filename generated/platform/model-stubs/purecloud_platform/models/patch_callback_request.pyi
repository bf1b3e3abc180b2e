from .patch import PatchCallbackRequest as PatchCallbackRequest
