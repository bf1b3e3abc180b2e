from .hold import HoldUpdatedEvent as HoldUpdatedEvent
