from .extension import ExtensionPool as ExtensionPool
