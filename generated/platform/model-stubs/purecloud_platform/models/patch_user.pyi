from .patch import PatchUser as PatchUser
