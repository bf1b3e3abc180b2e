from .agent import AgentChecklistItem as AgentChecklistItem
