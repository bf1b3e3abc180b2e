from .patch import PatchActionMap as PatchActionMap
