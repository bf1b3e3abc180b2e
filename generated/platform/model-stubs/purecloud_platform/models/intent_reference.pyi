from .intent import IntentReference as IntentReference
