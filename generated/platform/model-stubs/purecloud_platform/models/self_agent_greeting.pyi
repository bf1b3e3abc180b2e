from .self import SelfAgentGreeting as SelfAgentGreeting
