from .import_ import ImportStatus as ImportStatus
