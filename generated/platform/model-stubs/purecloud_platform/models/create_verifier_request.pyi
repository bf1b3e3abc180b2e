from .create import CreateVerifierRequest as CreateVerifierRequest
