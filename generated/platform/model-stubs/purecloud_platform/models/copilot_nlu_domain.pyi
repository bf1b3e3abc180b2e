from .copilot import CopilotNluDomain as CopilotNluDomain
