from .dnc import DncPatchEmailsRequest as DncPatchEmailsRequest
