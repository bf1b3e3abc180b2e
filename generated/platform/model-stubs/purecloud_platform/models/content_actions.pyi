from .content import ContentActions as ContentActions
