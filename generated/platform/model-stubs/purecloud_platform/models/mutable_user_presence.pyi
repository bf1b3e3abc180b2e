from .mutable import MutableUserPresence as MutableUserPresence
