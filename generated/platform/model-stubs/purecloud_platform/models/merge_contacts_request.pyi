from .merge import MergeContactsRequest as MergeContactsRequest
