from .get import GetMetricResponse as GetMetricResponse
