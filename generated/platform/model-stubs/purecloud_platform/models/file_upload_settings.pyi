from .file import FileUploadSettings as FileUploadSettings
