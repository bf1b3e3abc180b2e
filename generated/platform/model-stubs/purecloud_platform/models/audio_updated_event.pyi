from .audio import AudioUpdatedEvent as AudioUpdatedEvent
