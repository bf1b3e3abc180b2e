from .flow import FlowDiagnosticInfo as FlowDiagnosticInfo
