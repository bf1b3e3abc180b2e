from .merge import MergeInfo as MergeInfo
