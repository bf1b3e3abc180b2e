from .export import ExportDetails as ExportDetails
