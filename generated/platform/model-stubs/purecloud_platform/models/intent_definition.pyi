from .intent import IntentDefinition as IntentDefinition
