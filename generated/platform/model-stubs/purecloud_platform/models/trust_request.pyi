from .trust import TrustRequest as TrustRequest
