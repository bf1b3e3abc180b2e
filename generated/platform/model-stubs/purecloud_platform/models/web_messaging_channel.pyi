from .web import WebMessagingChannel as WebMessagingChannel
