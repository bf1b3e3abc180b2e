from .contact import ContactListingRequest as ContactListingRequest
