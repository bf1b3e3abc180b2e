from .web import WebMessagingRecipient as WebMessagingRecipient
