from .nlu import NluDetectionRequest as NluDetectionRequest
