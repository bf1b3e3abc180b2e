from .agent import AgentChecklistResponse as AgentChecklistResponse
