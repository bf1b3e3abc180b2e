from .system import SystemMessageObject as SystemMessageObject
