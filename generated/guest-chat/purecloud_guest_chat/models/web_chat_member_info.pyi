from .web import WebChatMemberInfo as WebChatMemberInfo
