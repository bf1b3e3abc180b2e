from .patch import PatchAction as PatchAction
