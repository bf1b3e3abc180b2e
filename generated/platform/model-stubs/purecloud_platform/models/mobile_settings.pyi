from .mobile import MobileSettings as MobileSettings
