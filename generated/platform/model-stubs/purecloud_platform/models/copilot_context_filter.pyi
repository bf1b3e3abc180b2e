from .copilot import CopilotContextFilter as CopilotContextFilter
