from .o import OAuthScopeListing as OAuthScopeListing
