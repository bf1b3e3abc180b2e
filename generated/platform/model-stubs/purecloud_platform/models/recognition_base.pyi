from .recognition import RecognitionBase as RecognitionBase
