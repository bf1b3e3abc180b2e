from .action import ActionInput as ActionInput
