from .web import WebMessagingOfferFields as WebMessagingOfferFields
