from .gamification import GamificationStatus as GamificationStatus
