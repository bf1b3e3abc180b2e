from .update import UpdateKpiRequest as UpdateKpiRequest
