from .diagnostics import DiagnosticsSettings as DiagnosticsSettings
