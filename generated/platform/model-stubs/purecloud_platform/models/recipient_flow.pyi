from .recipient import RecipientFlow as RecipientFlow
