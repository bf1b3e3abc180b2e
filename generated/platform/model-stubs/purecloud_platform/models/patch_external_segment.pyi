from .patch import PatchExternalSegment as PatchExternalSegment
