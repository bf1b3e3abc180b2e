from .deployment import DeploymentWebAction as DeploymentWebAction
