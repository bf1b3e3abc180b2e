from .create import CreateCallRequest as CreateCallRequest
