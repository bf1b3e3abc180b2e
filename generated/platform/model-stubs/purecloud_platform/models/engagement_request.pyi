from .engagement import EngagementRequest as EngagementRequest
