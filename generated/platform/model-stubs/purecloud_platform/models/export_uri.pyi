from .export import ExportUri as ExportUri
