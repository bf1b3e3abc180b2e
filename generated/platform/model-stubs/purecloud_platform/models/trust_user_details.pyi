from .trust import TrustUserDetails as TrustUserDetails
