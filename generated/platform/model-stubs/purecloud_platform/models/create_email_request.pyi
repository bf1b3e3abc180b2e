from .create import CreateEmailRequest as CreateEmailRequest
