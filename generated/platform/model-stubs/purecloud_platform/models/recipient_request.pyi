from .recipient import RecipientRequest as RecipientRequest
