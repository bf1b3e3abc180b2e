from .utilization import UtilizationRequest as UtilizationRequest
