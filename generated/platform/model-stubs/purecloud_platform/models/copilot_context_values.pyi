from .copilot import CopilotContextValues as CopilotContextValues
