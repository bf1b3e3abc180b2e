from .agent import AgentWorkPlan as AgentWorkPlan
