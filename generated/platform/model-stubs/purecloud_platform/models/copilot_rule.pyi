from .copilot import CopilotRule as CopilotRule
