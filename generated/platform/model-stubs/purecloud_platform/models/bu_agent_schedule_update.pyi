from .bu import BuAgentScheduleUpdate as BuAgentScheduleUpdate
