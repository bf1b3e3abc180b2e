from .o import OAuthAuthorization as OAuthAuthorization
