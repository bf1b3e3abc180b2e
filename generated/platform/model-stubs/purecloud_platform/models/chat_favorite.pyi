from .chat import ChatFavorite as ChatFavorite
