from .content import ContentCard as ContentCard
