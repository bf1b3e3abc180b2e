from .update import UpdateDraftInput as UpdateDraftInput
