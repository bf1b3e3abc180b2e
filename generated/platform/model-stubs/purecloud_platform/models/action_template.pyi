from .action import ActionTemplate as ActionTemplate
