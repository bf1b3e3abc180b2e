from .category import CategoryResponse as CategoryResponse
