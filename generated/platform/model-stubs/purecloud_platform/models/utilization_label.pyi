from .utilization import UtilizationLabel as UtilizationLabel
