from .voicemail import VoicemailMediaInfo as VoicemailMediaInfo
