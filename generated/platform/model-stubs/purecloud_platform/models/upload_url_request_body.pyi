from .upload import UploadUrlRequestBody as UploadUrlRequestBody
