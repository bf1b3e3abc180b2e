from .copilot import CopilotAction as CopilotAction
