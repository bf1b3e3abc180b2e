from .connection import ConnectionResponse as ConnectionResponse
