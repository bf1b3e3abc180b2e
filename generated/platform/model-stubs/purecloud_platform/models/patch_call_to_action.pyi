from .patch import PatchCallToAction as PatchCallToAction
