from .screen import ScreenMonitorSettings as ScreenMonitorSettings
