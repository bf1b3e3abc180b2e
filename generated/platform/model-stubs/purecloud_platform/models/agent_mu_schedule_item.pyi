from .agent import AgentMuScheduleItem as AgentMuScheduleItem
