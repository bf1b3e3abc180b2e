from .recall import RecallEntry as RecallEntry
