from .action import ActionEventActionMap as ActionEventActionMap
