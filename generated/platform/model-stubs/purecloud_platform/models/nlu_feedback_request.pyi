from .nlu import NluFeedbackRequest as NluFeedbackRequest
