from .dynamic import DynamicUtilization as DynamicUtilization
