from .edge import EdgeLogsJobRequest as EdgeLogsJobRequest
