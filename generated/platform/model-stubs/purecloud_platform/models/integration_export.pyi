from .integration import IntegrationExport as IntegrationExport
