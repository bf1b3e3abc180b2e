from .export import ExportScriptRequest as ExportScriptRequest
