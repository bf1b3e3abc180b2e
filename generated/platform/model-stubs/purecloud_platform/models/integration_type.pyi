from .integration import IntegrationType as IntegrationType
