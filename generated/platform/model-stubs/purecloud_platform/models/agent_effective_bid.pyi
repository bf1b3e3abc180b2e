from .agent import AgentEffectiveBid as AgentEffectiveBid
