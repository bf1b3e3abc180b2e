from .agent import AgentActivity as AgentActivity
