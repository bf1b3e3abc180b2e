from .stop import StopSettings as StopSettings
