from .email import EmailMediaParticipant as EmailMediaParticipant
