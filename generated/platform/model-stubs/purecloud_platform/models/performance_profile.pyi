from .performance import PerformanceProfile as PerformanceProfile
