from .trust import TrustUser as TrustUser
