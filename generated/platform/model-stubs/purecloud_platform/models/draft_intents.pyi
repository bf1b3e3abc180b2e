from .draft import DraftIntents as DraftIntents
