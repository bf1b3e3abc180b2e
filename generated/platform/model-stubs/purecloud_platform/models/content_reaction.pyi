from .content import ContentReaction as ContentReaction
