from .agent import AgentMuScheduleShift as AgentMuScheduleShift
