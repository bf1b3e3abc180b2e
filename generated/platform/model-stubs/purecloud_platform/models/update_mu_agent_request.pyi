from .update import UpdateMuAgentRequest as UpdateMuAgentRequest
