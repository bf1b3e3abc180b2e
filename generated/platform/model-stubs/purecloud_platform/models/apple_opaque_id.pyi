from .apple import AppleOpaqueId as AppleOpaqueId
