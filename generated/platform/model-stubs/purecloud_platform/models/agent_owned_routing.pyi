from .agent import AgentOwnedRouting as AgentOwnedRouting
