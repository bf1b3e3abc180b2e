from .create import CreateCallResponse as CreateCallResponse
