from .health import HealthInfo as HealthInfo
