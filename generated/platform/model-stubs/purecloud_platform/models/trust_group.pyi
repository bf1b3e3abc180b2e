from .trust import TrustGroup as TrustGroup
