from .content import ContentCardAction as ContentCardAction
