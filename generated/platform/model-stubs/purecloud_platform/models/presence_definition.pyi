from .presence import PresenceDefinition as PresenceDefinition
