from .support import SupportCenterScreen as SupportCenterScreen
