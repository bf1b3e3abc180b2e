from .feedback import FeedbackAddRequest as FeedbackAddRequest
