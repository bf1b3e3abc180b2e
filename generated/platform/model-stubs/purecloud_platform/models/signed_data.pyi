from .signed import SignedData as SignedData
