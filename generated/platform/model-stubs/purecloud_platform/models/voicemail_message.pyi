from .voicemail import VoicemailMessage as VoicemailMessage
