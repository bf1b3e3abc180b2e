from .category import CategoryEntity as CategoryEntity
