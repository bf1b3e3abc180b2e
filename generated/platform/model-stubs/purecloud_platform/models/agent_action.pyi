from .agent import AgentAction as AgentAction
