from .edge import EdgeLogsJobResponse as EdgeLogsJobResponse
