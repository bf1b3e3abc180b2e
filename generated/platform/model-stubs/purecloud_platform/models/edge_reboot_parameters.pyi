from .edge import EdgeRebootParameters as EdgeRebootParameters
