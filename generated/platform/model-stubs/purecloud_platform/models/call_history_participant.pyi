from .call import CallHistoryParticipant as CallHistoryParticipant
