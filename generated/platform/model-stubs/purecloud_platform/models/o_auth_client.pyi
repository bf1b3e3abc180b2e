from .o import OAuthClient as OAuthClient
