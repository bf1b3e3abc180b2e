from .patch import PatchJourneyPattern as PatchJourneyPattern
