from .post import PostTextMessage as PostTextMessage
