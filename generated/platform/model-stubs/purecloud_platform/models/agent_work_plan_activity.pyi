from .agent import AgentWorkPlanActivity as AgentWorkPlanActivity
