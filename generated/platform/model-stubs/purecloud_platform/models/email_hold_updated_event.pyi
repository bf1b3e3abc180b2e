from .email import EmailHoldUpdatedEvent as EmailHoldUpdatedEvent
