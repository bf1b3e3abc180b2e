from .received import ReceivedReplyMessage as ReceivedReplyMessage
