from .uc import UcUserPresence as UcUserPresence
