from .leaderboard import LeaderboardItem as LeaderboardItem
