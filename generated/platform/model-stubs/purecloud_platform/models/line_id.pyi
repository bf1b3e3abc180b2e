from .line import LineId as LineId
