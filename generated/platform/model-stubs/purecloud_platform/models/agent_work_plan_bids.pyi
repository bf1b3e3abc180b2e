from .agent import AgentWorkPlanBids as AgentWorkPlanBids
