from .patch import PatchContext as PatchContext
