from .create import CreateShareRequest as CreateShareRequest
