from .trust import TrustMemberCreate as TrustMemberCreate
