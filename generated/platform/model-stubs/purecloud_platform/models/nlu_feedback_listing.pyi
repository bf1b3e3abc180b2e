from .nlu import NluFeedbackListing as NluFeedbackListing
