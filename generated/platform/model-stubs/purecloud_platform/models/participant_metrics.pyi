from .participant import ParticipantMetrics as ParticipantMetrics
