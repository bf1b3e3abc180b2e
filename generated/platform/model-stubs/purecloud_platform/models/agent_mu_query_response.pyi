from .agent import AgentMuQueryResponse as AgentMuQueryResponse
