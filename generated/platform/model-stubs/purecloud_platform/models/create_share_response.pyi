from .create import CreateShareResponse as CreateShareResponse
