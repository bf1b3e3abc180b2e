from .patch import PatchContextPattern as PatchContextPattern
