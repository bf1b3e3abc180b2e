from .integration import IntegrationAction as IntegrationAction
