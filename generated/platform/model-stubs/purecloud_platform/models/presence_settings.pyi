from .presence import PresenceSettings as PresenceSettings
