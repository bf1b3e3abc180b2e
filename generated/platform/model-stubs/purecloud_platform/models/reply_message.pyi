from .reply import ReplyMessage as ReplyMessage
