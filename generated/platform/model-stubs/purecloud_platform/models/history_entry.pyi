from .history import HistoryEntry as HistoryEntry
