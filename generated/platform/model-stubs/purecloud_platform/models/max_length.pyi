from .max import MaxLength as MaxLength
