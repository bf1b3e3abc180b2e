from .get import GetMetricsResponse as GetMetricsResponse
