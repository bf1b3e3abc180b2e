from .upload import UploadMediaRequest as UploadMediaRequest
