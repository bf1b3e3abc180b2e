from .support import SupportCenterCategory as SupportCenterCategory
