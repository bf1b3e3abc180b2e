from .support import SupportCenterImage as SupportCenterImage
