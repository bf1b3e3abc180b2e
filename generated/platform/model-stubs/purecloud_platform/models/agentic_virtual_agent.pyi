from .agentic import AgenticVirtualAgent as AgenticVirtualAgent
