from .identity import IdentityProvider as IdentityProvider
