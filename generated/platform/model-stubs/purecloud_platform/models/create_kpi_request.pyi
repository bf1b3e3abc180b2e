from .create import CreateKpiRequest as CreateKpiRequest
