from .shrinkage import ShrinkageOverrides as ShrinkageOverrides
