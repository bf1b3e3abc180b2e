from .agent import AgentMuScheduleQuery as AgentMuScheduleQuery
