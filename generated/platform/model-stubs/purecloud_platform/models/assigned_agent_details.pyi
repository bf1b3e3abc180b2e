from .assigned import AssignedAgentDetails as AssignedAgentDetails
