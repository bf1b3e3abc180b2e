from .patch import PatchActionTemplate as PatchActionTemplate
