from .trust import TrustRequestCreate as TrustRequestCreate
