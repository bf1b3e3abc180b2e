from .bu import BuAverageSpeedOfAnswer as BuAverageSpeedOfAnswer
