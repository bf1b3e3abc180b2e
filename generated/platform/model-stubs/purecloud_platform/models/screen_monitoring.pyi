from .screen import ScreenMonitoring as ScreenMonitoring
