from .web import WebMessagingEventVideo as WebMessagingEventVideo
