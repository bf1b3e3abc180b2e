from .engagement import EngagementFilter as EngagementFilter
