from .action import ActionMap as ActionMap
