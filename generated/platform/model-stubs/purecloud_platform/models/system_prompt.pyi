from .system import SystemPrompt as SystemPrompt
