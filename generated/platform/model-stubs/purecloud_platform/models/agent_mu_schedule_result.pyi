from .agent import AgentMuScheduleResult as AgentMuScheduleResult
