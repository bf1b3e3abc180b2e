from .category import CategoryReference as CategoryReference
