from .merge import MergeError as MergeError
