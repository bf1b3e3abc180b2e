from .intents import IntentsCategoryPatch as IntentsCategoryPatch
