from .action import ActionConfig as ActionConfig
