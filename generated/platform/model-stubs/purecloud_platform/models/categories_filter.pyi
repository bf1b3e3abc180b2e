from .categories import CategoriesFilter as CategoriesFilter
