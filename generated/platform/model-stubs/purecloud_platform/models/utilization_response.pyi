from .utilization import UtilizationResponse as UtilizationResponse
