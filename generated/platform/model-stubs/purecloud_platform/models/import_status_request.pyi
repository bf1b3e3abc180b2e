from .import_ import ImportStatusRequest as ImportStatusRequest
