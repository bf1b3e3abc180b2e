from .static import StaticListValues as StaticListValues
