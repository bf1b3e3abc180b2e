from .edge import EdgeNetworkDiagnostic as EdgeNetworkDiagnostic
