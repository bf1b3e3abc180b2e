from .copilot import CopilotCondition as CopilotCondition
