from .criteria import CriteriaCategoryInfo as CriteriaCategoryInfo
