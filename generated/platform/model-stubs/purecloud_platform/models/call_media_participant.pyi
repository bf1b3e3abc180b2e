from .call import CallMediaParticipant as CallMediaParticipant
