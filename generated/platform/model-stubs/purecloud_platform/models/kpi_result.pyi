from .kpi import KpiResult as KpiResult
