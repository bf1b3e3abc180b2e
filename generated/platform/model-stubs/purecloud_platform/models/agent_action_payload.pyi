from .agent import AgentActionPayload as AgentActionPayload
