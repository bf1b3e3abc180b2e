from .identity import IdentityNow as IdentityNow
