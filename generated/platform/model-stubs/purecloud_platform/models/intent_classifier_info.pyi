from .intent import IntentClassifierInfo as IntentClassifierInfo
