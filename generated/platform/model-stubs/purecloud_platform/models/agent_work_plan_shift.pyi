from .agent import AgentWorkPlanShift as AgentWorkPlanShift
