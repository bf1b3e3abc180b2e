from .archive import ArchiveRetention as ArchiveRetention
