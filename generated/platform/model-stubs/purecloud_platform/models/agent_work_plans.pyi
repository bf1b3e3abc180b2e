from .agent import AgentWorkPlans as AgentWorkPlans
