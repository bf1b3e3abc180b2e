from .patch import PatchContentOffer as PatchContentOffer
