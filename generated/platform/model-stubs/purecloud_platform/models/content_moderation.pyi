from .content import ContentModeration as ContentModeration
