from .agent import AgentScheduleBids as AgentScheduleBids
