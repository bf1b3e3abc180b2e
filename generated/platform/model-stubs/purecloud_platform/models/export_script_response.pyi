from .export import ExportScriptResponse as ExportScriptResponse
