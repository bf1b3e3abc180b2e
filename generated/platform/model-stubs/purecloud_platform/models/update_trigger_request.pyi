from .update import UpdateTriggerRequest as UpdateTriggerRequest
