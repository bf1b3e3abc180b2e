from .line import LineStatus as LineStatus
