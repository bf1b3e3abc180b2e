from .history import HistoryListing as HistoryListing
