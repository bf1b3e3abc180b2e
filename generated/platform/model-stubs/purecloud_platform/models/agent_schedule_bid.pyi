from .agent import AgentScheduleBid as AgentScheduleBid
