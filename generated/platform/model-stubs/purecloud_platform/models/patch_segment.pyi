from .patch import PatchSegment as PatchSegment
