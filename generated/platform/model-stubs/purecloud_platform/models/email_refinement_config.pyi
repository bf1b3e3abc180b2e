from .email import EmailRefinementConfig as EmailRefinementConfig
