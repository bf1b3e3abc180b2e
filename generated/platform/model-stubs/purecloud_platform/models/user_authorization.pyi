from .user import UserAuthorization as UserAuthorization
