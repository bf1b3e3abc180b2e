from .trust import TrustCreate as TrustCreate
