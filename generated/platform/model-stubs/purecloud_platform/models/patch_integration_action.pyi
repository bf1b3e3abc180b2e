from .patch import PatchIntegrationAction as PatchIntegrationAction
