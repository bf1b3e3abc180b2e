from .voicemail import VoicemailMailboxInfo as VoicemailMailboxInfo
