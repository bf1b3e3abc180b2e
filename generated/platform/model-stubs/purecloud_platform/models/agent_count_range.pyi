from .agent import AgentCountRange as AgentCountRange
