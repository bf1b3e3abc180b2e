from .participant import ParticipantInfo as ParticipantInfo
