from .contests import ContestsResponse as ContestsResponse
