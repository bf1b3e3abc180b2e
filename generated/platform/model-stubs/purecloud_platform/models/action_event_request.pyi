from .action import ActionEventRequest as ActionEventRequest
