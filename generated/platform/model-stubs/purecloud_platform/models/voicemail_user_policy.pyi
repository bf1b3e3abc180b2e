from .voicemail import VoicemailUserPolicy as VoicemailUserPolicy
