from .post import PostTextRequest as PostTextRequest
