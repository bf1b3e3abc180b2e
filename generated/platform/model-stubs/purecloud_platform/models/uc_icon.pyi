from .uc import UCIcon as UCIcon
