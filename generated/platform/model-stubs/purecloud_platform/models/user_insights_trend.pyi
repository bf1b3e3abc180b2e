from .user import UserInsightsTrend as UserInsightsTrend
