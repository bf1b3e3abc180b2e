from .agent import AgentVideoSettings as AgentVideoSettings
