from .patch import PatchJourney as PatchJourney
