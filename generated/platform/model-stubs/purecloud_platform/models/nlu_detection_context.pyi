from .nlu import NluDetectionContext as NluDetectionContext
