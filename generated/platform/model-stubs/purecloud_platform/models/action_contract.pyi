from .action import ActionContract as ActionContract
