from .deployment import DeploymentPing as DeploymentPing
