from .edge import EdgeAutoUpdateConfig as EdgeAutoUpdateConfig
