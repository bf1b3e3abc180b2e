from .web import WebMessagingAttachment as WebMessagingAttachment
