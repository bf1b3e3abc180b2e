from .o import OAuthClientEntityListing as OAuthClientEntityListing
