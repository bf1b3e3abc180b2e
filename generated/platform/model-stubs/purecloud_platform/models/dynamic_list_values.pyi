from .dynamic import DynamicListValues as DynamicListValues
