from .agent import AgentScoringRule as AgentScoringRule
