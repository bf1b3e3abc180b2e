from .shrinkage import ShrinkageOverride as ShrinkageOverride
