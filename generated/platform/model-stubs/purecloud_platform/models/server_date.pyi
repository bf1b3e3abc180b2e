from .server import ServerDate as ServerDate
