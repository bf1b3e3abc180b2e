from .post import PostTextResponse as PostTextResponse
