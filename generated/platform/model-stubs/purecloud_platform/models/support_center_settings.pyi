from .support import SupportCenterSettings as SupportCenterSettings
