from .upload import UploadUrlRequest as UploadUrlRequest
