from .recipient import RecipientListing as RecipientListing
