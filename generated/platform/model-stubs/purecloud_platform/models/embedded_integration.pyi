from .embedded import EmbeddedIntegration as EmbeddedIntegration
