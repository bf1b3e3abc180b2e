from .nlu import NluDetectionResponse as NluDetectionResponse
