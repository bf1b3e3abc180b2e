from .web import WebMessagingGeneric as WebMessagingGeneric
