from .dnc import DNCListUploadUrlRequest as DNCListUploadUrlRequest
