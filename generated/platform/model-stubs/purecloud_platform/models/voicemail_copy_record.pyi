from .voicemail import VoicemailCopyRecord as VoicemailCopyRecord
