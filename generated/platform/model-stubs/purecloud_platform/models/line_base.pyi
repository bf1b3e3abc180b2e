from .line import LineBase as LineBase
