from .visibility import VisibilityCondition as VisibilityCondition
