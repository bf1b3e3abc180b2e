from .merge import MergeRequest as MergeRequest
