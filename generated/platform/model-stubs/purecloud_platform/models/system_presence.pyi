from .system import SystemPresence as SystemPresence
