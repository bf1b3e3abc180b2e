from .agent import AgentQueueTimeRequest as AgentQueueTimeRequest
