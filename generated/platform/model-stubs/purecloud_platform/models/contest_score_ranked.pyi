from .contest import ContestScoreRanked as ContestScoreRanked
