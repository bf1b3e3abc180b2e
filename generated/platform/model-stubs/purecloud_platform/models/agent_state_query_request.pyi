from .agent import AgentStateQueryRequest as AgentStateQueryRequest
