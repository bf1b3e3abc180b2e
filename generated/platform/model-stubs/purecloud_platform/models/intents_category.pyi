from .intents import IntentsCategory as IntentsCategory
