from .copilot import CopilotContextValue as CopilotContextValue
