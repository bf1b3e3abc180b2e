from .articles import ArticlesFilter as ArticlesFilter
