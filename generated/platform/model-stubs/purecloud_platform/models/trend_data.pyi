from .trend import TrendData as TrendData
