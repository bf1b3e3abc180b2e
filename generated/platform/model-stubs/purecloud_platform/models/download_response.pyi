from .download import DownloadResponse as DownloadResponse
