from .agent import AgentChecklist as AgentChecklist
