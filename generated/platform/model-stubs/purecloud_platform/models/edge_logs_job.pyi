from .edge import EdgeLogsJob as EdgeLogsJob
