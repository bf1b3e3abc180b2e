from .homer import HomerRecord as HomerRecord
