from .connected import ConnectedQueue as ConnectedQueue
