from .auto import AutoStart as AutoStart
