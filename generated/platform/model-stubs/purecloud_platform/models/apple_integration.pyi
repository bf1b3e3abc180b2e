from .apple import AppleIntegration as AppleIntegration
