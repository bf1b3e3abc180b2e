from .edge import EdgeConnectionInfo as EdgeConnectionInfo
