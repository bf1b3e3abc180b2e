from .reply import ReplyToEmailAddress as ReplyToEmailAddress
