from .signed import SignedUrlResponse as SignedUrlResponse
