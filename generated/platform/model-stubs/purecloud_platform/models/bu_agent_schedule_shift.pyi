from .bu import BuAgentScheduleShift as BuAgentScheduleShift
