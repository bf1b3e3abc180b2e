from .agent import AgentGreeting as AgentGreeting
