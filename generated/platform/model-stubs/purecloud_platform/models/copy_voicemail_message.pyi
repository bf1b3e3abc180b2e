from .copy import CopyVoicemailMessage as CopyVoicemailMessage
