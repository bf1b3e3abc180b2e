from .web import WebChatRoutingTarget as WebChatRoutingTarget
