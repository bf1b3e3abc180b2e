from .post import PostOutputContract as PostOutputContract
