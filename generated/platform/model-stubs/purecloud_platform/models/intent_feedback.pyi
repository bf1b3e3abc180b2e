from .intent import IntentFeedback as IntentFeedback
