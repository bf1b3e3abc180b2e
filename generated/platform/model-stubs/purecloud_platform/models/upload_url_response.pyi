from .upload import UploadUrlResponse as UploadUrlResponse
