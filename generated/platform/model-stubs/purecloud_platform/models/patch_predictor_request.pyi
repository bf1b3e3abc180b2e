from .patch import PatchPredictorRequest as PatchPredictorRequest
