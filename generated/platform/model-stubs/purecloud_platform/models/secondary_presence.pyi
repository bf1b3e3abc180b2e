from .secondary import SecondaryPresence as SecondaryPresence
