from .participant import ParticipantBasic as ParticipantBasic
