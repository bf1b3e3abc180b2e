from .patch import PatchOutcome as PatchOutcome
