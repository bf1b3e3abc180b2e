from .connected import ConnectedUser as ConnectedUser
