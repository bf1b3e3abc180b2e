from .nlu import NluDetectionOutput as NluDetectionOutput
