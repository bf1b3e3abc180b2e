from .connected import ConnectedEdge as ConnectedEdge
