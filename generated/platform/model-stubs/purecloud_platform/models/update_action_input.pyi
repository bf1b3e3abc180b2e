from .update import UpdateActionInput as UpdateActionInput
