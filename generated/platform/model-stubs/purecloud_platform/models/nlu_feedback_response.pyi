from .nlu import NluFeedbackResponse as NluFeedbackResponse
