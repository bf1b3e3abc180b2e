from .content import ContentOffer as ContentOffer
