from .bu import BuAgentScheduleActivity as BuAgentScheduleActivity
