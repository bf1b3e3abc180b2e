from .agent import AgentWorkPlanBid as AgentWorkPlanBid
