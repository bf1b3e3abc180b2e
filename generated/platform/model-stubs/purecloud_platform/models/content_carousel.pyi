from .content import ContentCarousel as ContentCarousel
