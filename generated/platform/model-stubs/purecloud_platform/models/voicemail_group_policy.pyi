from .voicemail import VoicemailGroupPolicy as VoicemailGroupPolicy
