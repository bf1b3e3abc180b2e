from .copilot import CopilotFallbackAction as CopilotFallbackAction
