from .agent import AgentStateUserFilter as AgentStateUserFilter
