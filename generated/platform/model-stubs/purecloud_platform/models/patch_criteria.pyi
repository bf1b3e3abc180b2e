from .patch import PatchCriteria as PatchCriteria
