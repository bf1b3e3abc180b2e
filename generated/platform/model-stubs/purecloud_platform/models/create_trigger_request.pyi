from .create import CreateTriggerRequest as CreateTriggerRequest
