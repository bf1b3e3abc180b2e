from .copilot import CopilotContextEntity as CopilotContextEntity
