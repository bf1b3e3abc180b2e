from .update import UpdateMuAgentsRequest as UpdateMuAgentsRequest
