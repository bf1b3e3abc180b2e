from .category import CategoryRequest as CategoryRequest
