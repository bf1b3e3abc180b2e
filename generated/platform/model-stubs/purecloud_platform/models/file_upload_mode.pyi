from .file import FileUploadMode as FileUploadMode
