from .agent import AgentAssignedShiftSet as AgentAssignedShiftSet
