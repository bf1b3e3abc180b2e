from .action import ActionMapAction as ActionMapAction
