from .dynamic import DynamicGroupQuery as DynamicGroupQuery
