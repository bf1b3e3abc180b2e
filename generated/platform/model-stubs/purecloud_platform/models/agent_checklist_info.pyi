from .agent import AgentChecklistInfo as AgentChecklistInfo
