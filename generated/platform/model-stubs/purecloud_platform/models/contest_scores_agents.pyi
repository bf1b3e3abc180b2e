from .contest import ContestScoresAgents as ContestScoresAgents
