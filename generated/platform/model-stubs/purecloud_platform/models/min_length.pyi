from .min import MinLength as MinLength
