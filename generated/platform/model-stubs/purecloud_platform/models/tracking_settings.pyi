from .tracking import TrackingSettings as TrackingSettings
