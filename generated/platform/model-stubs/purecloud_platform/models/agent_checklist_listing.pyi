from .agent import AgentChecklistListing as AgentChecklistListing
