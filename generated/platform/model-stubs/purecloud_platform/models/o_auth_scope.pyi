from .o import OAuthScope as OAuthScope
