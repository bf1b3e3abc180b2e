from .user import UserInsightsTrends as UserInsightsTrends
