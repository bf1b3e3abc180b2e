from .max import MaxParticipants as MaxParticipants
