from .nlu import NluUtteranceSegment as NluUtteranceSegment
