from .post import PostInputContract as PostInputContract
