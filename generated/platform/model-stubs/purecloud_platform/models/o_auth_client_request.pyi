from .o import OAuthClientRequest as OAuthClientRequest
