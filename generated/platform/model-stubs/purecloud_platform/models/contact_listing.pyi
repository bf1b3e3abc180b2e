from .contact import ContactListing as ContactListing
