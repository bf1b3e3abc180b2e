from .update import UpdateVerifierRequest as UpdateVerifierRequest
