from .trust import TrustUpdate as TrustUpdate
