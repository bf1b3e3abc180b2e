from .unread import UnreadFields as UnreadFields
