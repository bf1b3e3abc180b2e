from .cover import CoverSheet as CoverSheet
