from .content import ContentButtonResponse as ContentButtonResponse
