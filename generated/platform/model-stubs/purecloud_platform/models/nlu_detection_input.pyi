from .nlu import NluDetectionInput as NluDetectionInput
