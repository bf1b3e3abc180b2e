from .historical import HistoricalData as HistoricalData
