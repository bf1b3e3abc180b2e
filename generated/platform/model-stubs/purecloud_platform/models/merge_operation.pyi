from .merge import MergeOperation as MergeOperation
