from .line import LineUserId as LineUserId
