from .copilot import CopilotContext as CopilotContext
