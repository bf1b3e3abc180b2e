from .action import ActionTarget as ActionTarget
